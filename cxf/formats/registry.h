// SPDX-License-Identifier: MIT
// The built-in formats: listing them, finding one by id, by content or by an output name's extension.
#pragma once

#include "cxf/export.h"
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "cxf/plugin/format.h"

namespace cxf {

// The built-in formats, in detection order (exact signatures first, loose shapes last).
CXF_API std::span<const Format> formats() noexcept;
CXF_API const Format* find_format(std::string_view id) noexcept;

// How many leading bytes detect() sees.
inline constexpr std::size_t detect_head_bytes = 64 * 1024;

// The format of an input by content: the first `yes`, else the first `maybe`; throws
// Errc::unrecognized when none claims it.
CXF_API const Format& detect_format(const Input& input);
// The same from its first detect_head_bytes (or fewer) and its name.
CXF_API const Format& detect_format(ByteView head, const std::string& name);

// The format an output path's extension selects ("x.cxf", "x.cxf.json", "x.kdbx"); null when the
// extension names none or several.
CXF_API const Format* format_for_path(std::string_view path) noexcept;

// The length of the longest ".ext" of `format` that `path` ends with (any case), or 0.
std::size_t extension_length(const Format& format, std::string_view path) noexcept;

}  // namespace cxf
