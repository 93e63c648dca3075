// SPDX-License-Identifier: MIT
// Key files (KeePass 2.x KcpKeyFile/KfxFile), composite key (CompositeKey) and derived keys (KdbxFile).
#include "cxf/kdbx/keys.h"

#include <algorithm>
#include <cctype>

#include <pugixml.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/kdbx.h"
#include "cxf/kdbx/xml_values.h"

namespace cxf::kdbx {

namespace detail {

namespace {

bool is_hex(std::uint8_t c) noexcept { return std::isxdigit(c) != 0; }

// KeePass XML key file: <KeyFile><Meta><Version/></Meta><Key><Data [Hash]/></Key></KeyFile>.
// nullopt when the file is not such a document at all, so the other key-file rules apply.
std::optional<crypto::SecureBytes> xml_key(ByteView file, const std::string& file_name) {
    crypto::SecureBytes text = crypto::secure_copy(file);
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8))
        return std::nullopt;
    const pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "KeyFile") return std::nullopt;
    const std::string_view version = root.child("Meta").child("Version").child_value();
    const pugi::xml_node data = root.child("Key").child("Data");
    if (!data) throw Error(Errc::malformed, {file_name, "Key/Data"}, "the XML key file has no Key/Data element");
    if (version == "1.0" || version == "1.00") {
        crypto::Secret spare;
        auto key = encoding::base64_decode_secure(without_xml_space(data.child_value(), spare));
        if (!key) throw Error(Errc::malformed, {file_name, "Key/Data"}, "the key file's Data is not base64");
        return key;
    }
    if (version == "2.0") {
        crypto::Secret spare;
        auto key = encoding::hex_decode_secure(without_xml_space(data.child_value(), spare));
        if (!key) throw Error(Errc::malformed, {file_name, "Key/Data"}, "the key file's Data is not hexadecimal");
        // Data@Hash: the first 4 bytes of SHA-256(key), in hex; a mismatch means a damaged key file.
        if (const pugi::xml_attribute hash = data.attribute("Hash")) {
            crypto::Secret hash_spare;
            const auto expected = encoding::hex_decode(without_xml_space(hash.value(), hash_spare));
            const crypto::SecureBytes actual = crypto::sha256({*key});
            if (!expected || !crypto::equal_ct(*expected, ByteView(actual).first(4)))
                throw Error(Errc::integrity, {file_name, "Key/Data@Hash"},
                            "checksum mismatch: the key file may be corrupt");
        }
        return key;
    }
    throw Error(Errc::unsupported, {file_name, "Meta/Version"},
                "XML key file version '" + std::string(version) + "' is not supported (1.0 and 2.0 are)");
}

}  // namespace

crypto::SecureBytes key_file_component(ByteView file, const std::string& file_name) {
    if (auto key = xml_key(file, file_name)) return std::move(*key);
    if (file.size() == 32) return crypto::secure_copy(file);
    if (file.size() == 64 && std::all_of(file.begin(), file.end(), is_hex))
        return *encoding::hex_decode_secure(as_text(file));
    return crypto::sha256({file});
}

MasterKeys derive_master_keys(ByteView master_seed, ByteView transformed_key) {
    constexpr std::uint8_t one[] = {1};
    return MasterKeys{crypto::sha256({master_seed, transformed_key}), crypto::sha512({master_seed, transformed_key, one})};
}

crypto::SecureBytes block_hmac_key(ByteView hmac_base_key, std::uint64_t index) {
    Bytes le;
    append_le(le, index);
    return crypto::sha512({le, hmac_base_key});
}

}  // namespace detail

CompositeKey make_composite_key(const crypto::Secret* password, std::optional<ByteView> key_file,
                                const std::string& key_file_name) {
    if (!password && !key_file) throw Error(Errc::usage, {}, "a KDBX file needs a password, a key file, or both");
    crypto::SecureBytes components;
    components.reserve(64);
    if (password) {
        const crypto::SecureBytes hash = crypto::sha256({password->bytes()});
        components.insert(components.end(), hash.begin(), hash.end());
    }
    if (key_file) {
        const crypto::SecureBytes part = detail::key_file_component(*key_file, key_file_name);
        components.insert(components.end(), part.begin(), part.end());
    }
    return CompositeKey{crypto::sha256({components})};
}

}  // namespace cxf::kdbx
