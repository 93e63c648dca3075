// SPDX-License-Identifier: MIT
#include "cxf/formats/csv_header.h"

#include <algorithm>

#include "cxf/csv/csv.h"
#include "cxf/error.h"

namespace cxf {

Confidence header_is(ByteView head, std::span<const std::string_view> names) noexcept {
    try {
        csv::Reader reader(as_text(head), {}, Limits{});
        const auto header = reader.next();
        if (!header || header->cells.size() != names.size()) return Confidence::no;
        return std::equal(names.begin(), names.end(), header->cells.begin(),
                          [](std::string_view name, const crypto::Secret& cell) { return cell.view() == name; })
                   ? Confidence::yes
                   : Confidence::no;
    } catch (const std::exception&) {
        return Confidence::no;  // not CSV, or a first record cut off by the end of the head
    }
}

}  // namespace cxf
