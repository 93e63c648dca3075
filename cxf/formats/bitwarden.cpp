// SPDX-License-Identifier: MIT
// The registry descriptor of Bitwarden JSON (format id "bitwarden"): detection, description, options.
#include "cxf/bitwarden/names.h"
#include "cxf/bitwarden/protected_export.h"
#include "exporters/bitwarden_json/write.h"
#include "importers/bitwarden_json/bitwarden_json.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

// ".json" alone stays ambiguous with CXF: only the double extension selects Bitwarden.
constexpr std::string_view extensions[] = {"bitwarden.json"};

constexpr FormatOption write_options[] = {
    {"bitwarden-encrypt", "", "write a password-protected export (implied by an --out-password-* option)"},
    {"bitwarden-kdf", "NAME", "KDF of a password-protected export: pbkdf2 (default) or argon2id"},
    {"bitwarden-kdf-iterations", "N", "KDF iterations (default 600000 for pbkdf2, 3 for argon2id)"},
    {"bitwarden-kdf-memory", "MIB", "Argon2id memory in MiB (default 64)"},
    {"bitwarden-kdf-parallelism", "N", "Argon2id parallelism (default 4)"},
    {"bitwarden-layout", "NAME", "individual (folders) or organization (collections); default: as read"},
};

std::vector<Property> describe(const Input& input, const Limits& limits) {
    json::Tape tape;
    tape.names = bitwarden::member_names;
    const json::Handoff skip_items{is_item_path, [](const json::Tape&, std::uint32_t, const json::Path&) {}};
    json::parse(as_text(input.bytes), input.name, bitwarden::parse_limits(limits), tape, &skip_items);
    const std::string base;
    const json::Cursor root(tape, 0, base);
    std::vector<Property> out;
    if (!root.is_object()) return out;
    const auto number = [&](std::string_view key) {
        const auto v = root.find(key);
        return v && v->is(json::Kind::uint64) ? std::to_string(v->uint64()) : std::string("?");
    };
    switch (bitwarden::envelope_kind(root)) {
        case bitwarden::Envelope::plain:
            out.push_back({"encryption", "none"});
            out.push_back({"layout", root.find("collections") ? "organization (collections)" : "individual (folders)"});
            break;
        case bitwarden::Envelope::password_protected: {
            out.push_back({"encryption", "password-protected (AES-256-CBC, HMAC-SHA256)"});
            const auto type = root.find("kdfType");
            if (type && type->is(json::Kind::uint64) && type->uint64() == 1)
                out.push_back({"kdf", "Argon2id, " + number("kdfIterations") + " iterations, " + number("kdfMemory") +
                                          " MiB, parallelism " + number("kdfParallelism")});
            else out.push_back({"kdf", "PBKDF2-SHA256, " + number("kdfIterations") + " iterations"});
            break;
        }
        case bitwarden::Envelope::account_restricted:
            out.push_back({"encryption", "account-restricted (only its Bitwarden account can open it)"});
            break;
    }
    return out;
}

}  // namespace

Confidence detect(ByteView head, std::string_view) {
    std::string_view text = as_text(head);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || text[start] != '{') return Confidence::no;
    const auto has = [&](std::string_view key) { return text.find(key) != std::string_view::npos; };
    if (has("\"encKeyValidation_DO_NOT_EDIT\"") || has("\"passwordProtected\"")) return Confidence::yes;
    if (has("\"items\"") && has("\"encrypted\"")) return Confidence::yes;
    if (has("\"exporterRpId\"") || has("\"credentials\"")) return Confidence::no;  // CXF
    if (has("\"items\"") && (has("\"folders\"") || has("\"collections\""))) return Confidence::yes;
    if (has("\"items\"") && (has("\"login\"") || has("\"secureNote\"") || has("\"card\""))) return Confidence::maybe;
    return Confidence::no;
}

Format format() noexcept {
    return Format{
        .id = "bitwarden",
        .title = "Bitwarden JSON export (plain or password-protected)",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .read_stream = read_stream,
        .write = write,
        .describe = describe,
        .carries = Feature::logins | Feature::passkeys | Feature::totp | Feature::notes | Feature::custom_fields |
                   Feature::history | Feature::folders | Feature::timestamps | Feature::cards | Feature::identities |
                   Feature::ssh_keys,
        .write_options = write_options,
        .output_password = OutputPassword::optional,
    };
}

}  // namespace cxf::bitwarden_json
