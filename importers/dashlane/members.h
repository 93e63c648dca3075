// SPDX-License-Identifier: MIT
// The five CSV files of Dashlane's zip export, each known by its header: every column one of the
// file's and the file's required ones all there, in any order. A header with a column Dashlane does
// not write is no Dashlane header (its file is reported, never guessed at).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cxf/csv/table.h"

namespace cxf::dashlane {

enum class Member : std::uint8_t { credentials, secure_notes, payments, ids, personal_info };

struct MemberLayout {
    Member member;
    std::string_view usual_name;  // the file name Dashlane gives it ("credentials.csv")
    std::span<const csv::ColumnName> columns;
};

// The layout whose header `names` is, if any.
const MemberLayout* layout_of(std::span<const std::string_view> names) noexcept;

}  // namespace cxf::dashlane
