// SPDX-License-Identifier: MIT
#include "tools/cxf/summary.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <tuple>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "tools/cxf/format_flags.h"

namespace cxf::cli {

namespace {

// "lost", or a finding's severity.
std::string_view label(const Notice& n) {
    return n.kind == NoticeKind::finding ? severity_name(n.severity) : notice_kind_name(n.kind);
}

// "  lost: /accounts/0/items/3 (item 'Bank') attachment:statement.pdf: reason"
std::string notice_line(const Notice& n) {
    std::string line = "  ";
    line += label(n);
    line += ": ";
    line += n.place.empty() ? "/" : n.place;
    if (!n.item.empty()) line += " (item '" + n.item + "')";
    if (!n.field.empty()) line += " " + n.field;
    line += ": " + render_options(n.message, flag_for);
    return line;
}

constexpr std::size_t titles_shown = 3;

// Notices of one kind, field and message.
struct NoticeGroup {
    const Notice* first;
    std::size_t count = 0;
    std::vector<std::string_view> titles;  // distinct, the first few
    bool more_titles = false;

    void add(const Notice& n) {
        ++count;
        if (n.item.empty() || std::find(titles.begin(), titles.end(), n.item) != titles.end()) return;
        if (titles.size() < titles_shown) titles.push_back(n.item);
        else more_titles = true;
    }

    // "  lost ×205: timestamps — Bitwarden CSV has no dates (items 'A', 'B', 'C', …)"
    std::string line() const {
        if (count == 1) return notice_line(*first);
        std::string s = "  ";
        s += label(*first);
        s += " ×" + std::to_string(count) + ": ";
        if (!first->field.empty()) s += first->field + " — ";
        s += render_options(first->message, flag_for);
        if (titles.empty()) return s;
        s += titles.size() == 1 && !more_titles ? " (item " : " (items ";
        for (std::size_t i = 0; i < titles.size(); ++i) s += (i ? ", '" : "'") + std::string(titles[i]) + "'";
        return s + (more_titles ? ", …)" : ")");
    }
};

}  // namespace

// One write for them all: std::cerr writes each piece as it comes, and a large vault can have
// thousands of lines.
void print_notices(const Report& report) {
    std::string text;
    for (const NoticeKind kind : {NoticeKind::finding, NoticeKind::changed, NoticeKind::skipped, NoticeKind::lost}) {
        std::vector<NoticeGroup> groups;
        std::map<std::tuple<Severity, std::string_view, std::string_view>, std::size_t> index;
        for (const Notice& n : report.notices()) {
            if (n.kind != kind) continue;
            const auto [at, added] = index.try_emplace({n.severity, n.field, n.message}, groups.size());
            if (added) groups.push_back(NoticeGroup{.first = &n, .count = 0, .titles = {}, .more_titles = false});
            groups[at->second].add(n);
        }
        for (const NoticeGroup& group : groups) text += group.line() + '\n';
    }
    std::cerr << text;
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
