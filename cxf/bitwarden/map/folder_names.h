// SPDX-License-Identifier: MIT
// Bitwarden folders and collections nest by name: "A/B" sits under "A" when a folder named "A"
// exists, else it is a top-level folder named "A/B" (how Bitwarden's clients show them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cxf::bitwarden_json {

struct ParentName {
    std::optional<std::string_view> path;  // the parent folder's name, a prefix of the child's
    bool gave_up = false;                  // the name has more "/" than were looked at
};

// The longest "/"-bounded prefix of `path` that `paths` (a std::set or std::map keyed by name, with
// std::less<>) holds, with a non-empty rest after it. Only the last `max_cuts` "/" past position `from`
// are looked at: a name of 100 000 slashes must not cost 100 000 lookups.
template <typename Paths>
ParentName parent_name(std::string_view path, const Paths& paths, std::size_t from, std::uint32_t max_cuts) {
    for (std::size_t end = path.size(), tried = 0;; ++tried) {
        const std::size_t cut = path.rfind('/', end - 1);
        if (cut == std::string_view::npos || cut <= from) return {};
        if (tried == max_cuts) return {std::nullopt, true};
        if (cut + 1 < path.size() && paths.contains(path.substr(0, cut))) return {path.substr(0, cut)};
        end = cut;
    }
}

}  // namespace cxf::bitwarden_json
