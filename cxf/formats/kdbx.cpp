// SPDX-License-Identifier: MIT
#include "cxf/formats/builtin.h"

#include "cxf/kdbx/kdbx.h"
#include "exporters/kdbx/write.h"
#include "importers/kdbx/read.h"

namespace cxf::kdbx_map {

namespace {

constexpr std::string_view extensions[] = {"kdbx"};

constexpr FormatOption read_options[] = {
    {"no-password", "", "KeePass: the database has no password, only the key file (--key-file)"},
};

constexpr FormatOption write_options[] = {
    {"kdbx-version", "V", "KDBX version to write: 4 (default; 4.1 when the content needs it) or 3.1"},
    {"kdbx-cipher", "NAME", "KDBX cipher: aes256 (default) or chacha20"},
    {"kdbx-kdf", "NAME", "KDBX key derivation: argon2id (default), argon2d or aes-kdf (the only one KDBX 3.1 has)"},
    {"kdbx-memory-mib", "N", "Argon2 memory in MiB (default 64)"},
    {"kdbx-iterations", "N", "Argon2 iterations (default 2), or AES-KDF rounds (default 2000000)"},
    {"kdbx-parallelism", "N", "Argon2 parallelism (default 2)"},
    {"kdbx-unlock-ms", "MS", "tune the iterations (or rounds) so that unlocking takes about MS ms on this machine"},
    {"kdbx-compression", "NAME", "KDBX payload compression: gzip (default) or none"},
    {"out-no-password", "", "KeePass: protect the output with the key file alone (--out-key-file), no password"},
};

std::string version_text(kdbx::FormatVersion v) {
    return "KDBX " + std::to_string(v.major) + "." + std::to_string(v.minor);
}

std::string mib(std::uint64_t bytes) {
    return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes / 1024) + " KiB";
}

Confidence detect(ByteView head, std::string_view) { return kdbx::detect(head); }

std::vector<Property> describe(const Input& input, const Limits&) {
    const kdbx::HeaderInfo info = kdbx::read_header_info(input.bytes, input.name);
    std::vector<Property> out;
    out.push_back({"version", version_text(info.version)});
    out.push_back({"cipher", std::string(kdbx::name(info.cipher))});
    out.push_back({"compression", std::string(kdbx::name(info.compression))});
    out.push_back({"kdf", std::string(kdbx::name(info.kdf.kdf))});
    if (info.kdf.kdf == kdbx::Kdf::aes_kdf) {
        out.push_back({"kdf rounds", std::to_string(info.kdf.rounds)});
    } else {
        out.push_back({"kdf memory", mib(info.kdf.memory_bytes)});
        out.push_back({"kdf iterations", std::to_string(info.kdf.iterations)});
        out.push_back({"kdf parallelism", std::to_string(info.kdf.parallelism)});
        out.push_back({"kdf argon2 version", info.kdf.version == 0x10 ? "1.0 (0x10)" : "1.3 (0x13)"});
    }
    if (info.inner_stream) out.push_back({"inner stream", std::string(kdbx::name(*info.inner_stream))});
    if (!info.public_custom_data.empty())
        out.push_back({"public custom data", std::to_string(info.public_custom_data.size()) + " item(s)"});
    return out;
}

}  // namespace

Format format() noexcept {
    return Format{
        .id = "kdbx",
        .title = "KeePass KDBX 3.1/4.x database (KeePass, KeePassXC, KeePassDX, Strongbox)",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .read_stream = read_pieces,
        .write = write,
        .prepare_write = prepare_write,
        .describe = describe,
        .carries = all_features,
        .read_options = read_options,
        .write_options = write_options,
        .output_password = OutputPassword::required,
    };
}

}  // namespace cxf::kdbx_map
