// SPDX-License-Identifier: MIT
#include "cxf/formats/builtin.h"

#include <algorithm>

#include "cxf/archive/layout.h"
#include "cxf/io/relay.h"

namespace cxf::archive {

namespace {

constexpr std::string_view extensions[] = {"cxf.zip"};
constexpr std::string_view index_file = "index.json";

Confidence detect(ByteView head, std::string_view) { return detect_archive(head, index_file); }

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    const io::ZipReader zip(input.bytes, input.name, options.limits);
    const Layout layout = find_layout(zip, index_file, "", input.name);
    io::ZipReader::Stream index = zip.open(*zip.find(layout.index));
    Vault vault;
    {
        // The index is inflated and checked on a second thread while its JSON is parsed; the zip is
        // not used on this one meanwhile.
        io::ReadAhead inflated([&] { return index.next(); });
        vault = cxf_json::read([&] { return inflated.next(); }, input.name + ":" + layout.index,
                               cxf_json::read_settings(options), report);
    }
    attach_documents(vault, zip, layout, [&](std::size_t entry) { return zip.read(entry); }, input.name, report);
    return vault;
}

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    cxf_json::WriteSettings settings;
    settings.now = options.now;
    settings.archive_index = true;
    io::ZipWriter zip(out);
    const Layout layout{"", "", std::string(index_file)};
    // The JSON is deflated on a second thread while it is written.
    io::write_behind([&](io::Output& index) { cxf_json::write(vault, index, settings, report); }, zip.begin(layout.index));
    for (const File* file : files_with_data(vault))
        zip.add(document_name(layout, file->id), *file->data, io::ZipMethod::deflate_or_store);
    zip.finish();
}

}  // namespace

Format plain_format() noexcept {
    return Format{
        .id = "cxf-archive",
        .title = "CXF archive: CXF JSON with the attachments' bytes, in a zip (unencrypted)",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .describe = nullptr,
        .carries = all_features,
        .writes_cxf = true,
    };
}

}  // namespace cxf::archive
