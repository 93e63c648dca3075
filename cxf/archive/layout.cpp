// SPDX-License-Identifier: MIT
#include "cxf/archive/layout.h"

#include <set>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/plugin/losses.h"

namespace cxf::archive {

namespace {

constexpr std::string_view cxporter_prefix = "CXP-Export/";

// Calls f(file, place) for every file credential, in items and their history.
template <typename V, typename F>
void for_each_file(V& vault, F&& f) {
    auto visit = [&](auto& self, auto& item, const std::string& place) -> void {
        for (std::size_t c = 0; c < item.credentials.size(); ++c)
            if (auto* file = std::get_if<File>(&item.credentials[c])) f(*file, place + "/credentials/" + std::to_string(c));
        for (std::size_t h = 0; h < item.history.size(); ++h) self(self, item.history[h], place + "/history/" + std::to_string(h));
    };
    for (std::size_t a = 0; a < vault.accounts.size(); ++a)
        for (std::size_t i = 0; i < vault.accounts[a].items.size(); ++i)
            visit(visit, vault.accounts[a].items[i], item_place(a, i));
}

}  // namespace

Confidence detect_archive(ByteView head, std::string_view index_file) noexcept {
    if (!io::looks_like_zip(head)) return Confidence::no;
    return as_text(head).find(index_file) != std::string_view::npos ? Confidence::yes : Confidence::no;
}

Layout find_layout(const io::ZipReader& zip, std::string_view index_file, std::string_view document_extension,
                   const std::string& file) {
    for (const std::string_view prefix : {std::string_view(), cxporter_prefix}) {
        std::string index(prefix);
        index += index_file;
        if (zip.find(index)) return Layout{std::string(prefix), std::string(document_extension), index};
    }
    throw Error(Errc::malformed, {file, ""}, "the archive has no " + std::string(index_file));
}

std::string document_name(const Layout& layout, const Id& file_id) {
    return layout.prefix + "documents/" + encoding::base64url_encode(file_id) + layout.extension;
}

void attach_documents(Vault& vault, const io::ZipReader& zip, const Layout& layout,
                      const std::function<crypto::SecureBytes(std::size_t entry)>& fetch, const std::string& file,
                      Report& report) {
    std::set<std::size_t> used;
    used.insert(*zip.find(layout.index));
    for_each_file(vault, [&](File& f, const std::string& place) {
        const std::string id = encoding::base64url_encode(f.id);
        std::string name = document_name(layout, f.id);
        auto entry = zip.find(name);
        if (!entry && !layout.extension.empty()) entry = zip.find(name = layout.prefix + "documents/" + id);
        if (!entry)
            throw Error(Errc::malformed, {file, place},
                        "file credential '" + id + "' has no document in the archive (" + document_name(layout, f.id) + ")");
        used.insert(*entry);
        crypto::SecureBytes data = fetch(*entry);
        if (data.size() != f.decrypted_size)
            throw Error(Errc::integrity, {file, name},
                        "document of file '" + id + "' is " + std::to_string(data.size()) + " bytes; decryptedSize says " +
                            std::to_string(f.decrypted_size));
        if (!crypto::equal_ct(crypto::sha256({data}), f.integrity_hash))
            throw Error(Errc::integrity, {file, name}, "document of file '" + id + "' does not match its integrityHash");
        f.data = std::move(data);
    });
    for (std::size_t i = 0; i < zip.entries().size(); ++i) {
        const io::ZipEntry& entry = zip.entries()[i];
        if (used.contains(i) || entry.is_directory) continue;
        const bool is_document = entry.name.starts_with(layout.prefix + "documents/");
        if (is_document)
            throw Error(Errc::malformed, {file, entry.name}, "document that no file credential names");
        report.skipped(entry.name, {}, "entry the archive layout does not define; ignored");
    }
}

std::vector<const File*> files_with_data(const Vault& vault) {
    std::vector<const File*> out;
    for_each_file(vault, [&](const File& f, const std::string&) {
        if (f.data) out.push_back(&f);
    });
    return out;
}

}  // namespace cxf::archive
