// SPDX-License-Identifier: MIT
#include "cxf/formats/builtin.h"

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/cxf_json/item_path.h"
#include "cxf/json/cursor.h"

namespace cxf::cxf_json {

namespace {

constexpr std::string_view extensions[] = {"cxf", "cxf.json"};

constexpr FormatOption cxf_options[] = {
    {"cxf-compact", "", "write CXF JSON on one line instead of indented"},
};

// A JSON object that names a CXF Header member, or an Account holding credentials.
Confidence detect(ByteView head, std::string_view) {
    std::string_view text = as_text(head);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || text[start] != '{') return Confidence::no;
    if (text.find("\"exporterRpId\"") != std::string_view::npos) return Confidence::yes;
    if (text.find("\"credentials\"") != std::string_view::npos) return Confidence::maybe;
    return Confidence::no;
}

}  // namespace

ReadSettings read_settings(const ReadOptions& options) {
    ReadSettings settings;
    settings.limits = options.limits;
    settings.collect_errors = options.collect_errors;
    settings.now = options.now;
    return settings;
}

namespace {

Vault read_input(const Input& input, const ReadOptions& options, Report& report) {
    return read(as_text(input.bytes), input.name, read_settings(options), report);
}

Vault read_stream(const InputStream& input, const ReadOptions& options, Report& report) {
    return read(input.next, input.name, read_settings(options), report);
}

void write_output(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    WriteSettings settings;
    settings.pretty = !options.cxf.compact;
    settings.now = options.now;
    write(vault, out, settings, report);
}

// Version and exporter from the Header, read without mapping the items.
std::vector<Property> describe(const Input& input, const Limits& limits) {
    std::vector<Property> out;
    json::Tape tape;
    tape.names = member_names();
    json::Handoff skip_items{is_item_path,
                             [](const json::Tape&, std::uint32_t, const json::Path&) {}};
    json::parse(as_text(input.bytes), input.name, limits, tape, &skip_items);
    const std::string base;
    const json::Cursor root(tape, 0, base);
    if (!root.is_object()) return out;
    if (const auto version = root.find("version"); version && version->is_object()) {
        const auto major = version->find("major"), minor = version->find("minor");
        if (major && minor && major->is(json::Kind::uint64) && minor->is(json::Kind::uint64))
            out.push_back({"version", "CXF " + std::to_string(major->uint64()) + "." + std::to_string(minor->uint64())});
        if (const auto rp = root.find("exporterRpId"); rp && rp->is_string()) out.push_back({"exporter", std::string(rp->string())});
    } else {
        out.push_back({"shape", "bare CXF Account (no Header)"});
    }
    return out;
}

}  // namespace

Format format() noexcept {
    return Format{
        .id = "cxf",
        .title = "FIDO Credential Exchange Format 1.0 (JSON)",
        .extensions = extensions,
        .detect = detect,
        .read = read_input,
        .read_stream = read_stream,
        .write = write_output,
        .describe = describe,
        .carries = all_features & ~Features(Feature::attachments),
        .write_options = cxf_options,
        .writes_cxf = true,
    };
}

}  // namespace cxf::cxf_json
