// SPDX-License-Identifier: MIT
#include "tests/support/json_diff.h"

#include <map>

#include "cxf/cxf_json/cxf_json.h"

namespace test {

using cxf::json::Cursor;
using cxf::json::Kind;

namespace {

std::string text(const Cursor& c) { return std::string(cxf::json::to_json(c).view()); }

std::string escape(std::string_view key) {
    std::string out;
    for (const char ch : key) {
        if (ch == '~') out += "~0";
        else if (ch == '/') out += "~1";
        else out += ch;
    }
    return out;
}

bool same_number(const Cursor& a, const Cursor& b) {
    auto as_double = [](const Cursor& c) {
        return c.is(Kind::uint64) ? static_cast<double>(c.uint64()) : c.is(Kind::int64) ? static_cast<double>(c.int64()) : c.number();
    };
    return as_double(a) == as_double(b);
}

bool is_number(const Cursor& c) { return c.is(Kind::uint64) || c.is(Kind::int64) || c.is(Kind::number_double); }

void diff(const Cursor& a, const Cursor& b, const std::string& at, std::vector<Difference>& out) {
    if (a.is_object() && b.is_object()) {
        std::map<std::string_view, Cursor> left, right;
        for (const auto m : a.members()) left.emplace(m.key, m.value);
        for (const auto m : b.members()) right.emplace(m.key, m.value);
        for (const auto& [key, value] : left) {
            const std::string p = at + "/" + escape(key);
            if (const auto it = right.find(key); it != right.end()) diff(value, it->second, p, out);
            else out.push_back({p, "removed", text(value), ""});
        }
        for (const auto& [key, value] : right)
            if (!left.contains(key)) out.push_back({at + "/" + escape(key), "added", "", text(value)});
        return;
    }
    if (a.is_array() && b.is_array()) {
        auto ia = a.elements().begin(), ea = a.elements().end();
        auto ib = b.elements().begin(), eb = b.elements().end();
        std::size_t i = 0;
        for (; ia != ea && ib != eb; ++ia, ++ib, ++i) diff(*ia, *ib, at + "/" + std::to_string(i), out);
        for (; ia != ea; ++ia, ++i) out.push_back({at + "/" + std::to_string(i), "removed", text(*ia), ""});
        for (; ib != eb; ++ib, ++i) out.push_back({at + "/" + std::to_string(i), "added", "", text(*ib)});
        return;
    }
    if (is_number(a) && is_number(b) && same_number(a, b)) return;
    const std::string ta = text(a), tb = text(b);
    if (ta != tb) out.push_back({at, "changed", ta, tb});
}

}  // namespace

std::string to_string(const Difference& d) { return d.kind + " " + d.pointer + ": " + d.before + " -> " + d.after; }

std::string to_string(const std::vector<Difference>& ds) {
    std::string out;
    for (const Difference& d : ds) out += to_string(d) + "\n";
    return out;
}

std::vector<Difference> json_diff(const Cursor& a, const Cursor& b) {
    std::vector<Difference> out;
    diff(a, b, "", out);
    return out;
}

std::vector<Difference> json_diff(std::string_view a, std::string_view b) {
    cxf::json::Tape ta, tb;
    cxf::json::parse(a, "a", {}, ta);
    cxf::json::parse(b, "b", {}, tb);
    const std::string base;
    return json_diff(Cursor(ta, 0, base), Cursor(tb, 0, base));
}

namespace {

void file_bytes(const cxf::Vault& v, std::vector<std::pair<std::string, std::string>>& out) {
    for (std::size_t a = 0; a < v.accounts.size(); ++a)
        for (std::size_t i = 0; i < v.accounts[a].items.size(); ++i)
            for (std::size_t c = 0; c < v.accounts[a].items[i].credentials.size(); ++c)
                if (const auto* f = std::get_if<cxf::File>(&v.accounts[a].items[i].credentials[c]); f && f->data)
                    out.emplace_back("/accounts/" + std::to_string(a) + "/items/" + std::to_string(i) + "/credentials/" +
                                         std::to_string(c) + "/<bytes>",
                                     std::string(f->data->begin(), f->data->end()));
}

}  // namespace

std::vector<Difference> vault_diff(const cxf::Vault& a, const cxf::Vault& b) {
    cxf::cxf_json::WriteSettings settings;
    settings.now = 1;
    cxf::Report ignored;
    const auto ja = cxf::cxf_json::write(a, settings, ignored);
    const auto jb = cxf::cxf_json::write(b, settings, ignored);
    auto out = json_diff(cxf::as_text(ja), cxf::as_text(jb));
    std::vector<std::pair<std::string, std::string>> fa, fb;
    file_bytes(a, fa);
    file_bytes(b, fb);
    if (fa != fb) out.push_back({"<attachments>", "changed", std::to_string(fa.size()) + " files", std::to_string(fb.size()) + " files"});
    return out;
}

std::string notices_text(const cxf::Report& report) {
    std::string all;
    for (const cxf::Notice& n : report.notices()) all += n.place + ": " + n.message + "\n";
    return all;
}

}  // namespace test
