// SPDX-License-Identifier: MIT
#include "tools/cxf/summary.h"

#include <iostream>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "tools/cxf/format_flags.h"

namespace cxf::cli {

namespace {

// "  lost: /accounts/0/items/3 (item 'Bank') attachment:statement.pdf: reason"
std::string notice_line(const Notice& n) {
    std::string line = "  ";
    line += n.kind == NoticeKind::finding ? severity_name(n.severity) : notice_kind_name(n.kind);
    line += ": ";
    line += n.place.empty() ? "/" : n.place;
    if (!n.item.empty()) line += " (item '" + n.item + "')";
    if (!n.field.empty()) line += " " + n.field;
    line += ": " + render_options(n.message, flag_for);
    return line;
}

}  // namespace

void print_notices(const Report& report, std::size_t limit) {
    for (const NoticeKind kind : {NoticeKind::finding, NoticeKind::changed, NoticeKind::skipped, NoticeKind::lost}) {
        std::size_t shown = 0, total = 0;
        for (const Notice& n : report.notices()) {
            if (n.kind != kind) continue;
            if (++total <= limit) {
                std::cerr << notice_line(n) << '\n';
                ++shown;
            }
        }
        if (total > shown)
            std::cerr << "  … and " << (total - shown) << " more " << notice_kind_name(kind) << " notices (see --report)\n";
    }
}

std::string describe_counts(const Counts& counts) {
    std::string s = std::to_string(counts.items) + " item" + (counts.items == 1 ? "" : "s");
    std::size_t credentials = 0;
    for (const auto& [type, n] : counts.credentials) credentials += n;
    s += ", " + std::to_string(credentials) + " credential" + (credentials == 1 ? "" : "s");
    if (counts.collections) s += ", " + std::to_string(counts.collections) + " collection" + (counts.collections == 1 ? "" : "s");
    if (counts.accounts != 1) s += ", " + std::to_string(counts.accounts) + " accounts";
    return s;
}

}  // namespace cxf::cli
