// SPDX-License-Identifier: MIT
// What a conversion noticed but did not fail on: losses, data it changed, findings of validation.
#pragma once

#include "cxf/export.h"
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/feature.h"

namespace cxf {

enum class Severity : unsigned char { info, warning, error };

enum class NoticeKind : unsigned char {
    lost,     // a writer could not carry this field into the target format
    changed,  // a reader or writer altered data to make it fit (a repaired quirk, a normalised value)
    skipped,  // something left out on purpose (e.g. a recycle-bin entry), with the reason
    finding,  // a validation finding (warning or error) about the input
};

std::string_view notice_kind_name(NoticeKind kind) noexcept;
std::string_view severity_name(Severity severity) noexcept;

// `place` locates the thing in the source or model (a JSON pointer, "entry 'Group/Title'"); `item` is
// the human name of the item concerned (its title), `field` what was affected ("passkey",
// "attachment:scan.pdf", "extension:cxf.local/kdbx"). Never a secret value.
struct Notice {
    NoticeKind kind;
    Severity severity;
    std::string place;
    std::string item;
    std::string field;
    std::string message;
    std::optional<Feature> feature;  // lost: the kind of data concerned
    bool detail = false;             // lost: a detail of it, in a format that carries the rest
};

class CXF_API Report {
public:
    // `feature` lost wholesale: the target format has no place for this kind of data.
    void lost(Feature feature, std::string place, std::string item, std::string field, std::string reason);
    // A part of `feature` the target format cannot hold although it holds the rest (a passkey's
    // extensions, an Android app's certificate, a date before 1970).
    void lost_detail(Feature feature, std::string place, std::string item, std::string field, std::string reason);
    void changed(std::string place, std::string message, std::string field = {});
    void skipped(std::string place, std::string item, std::string reason);
    void note(std::string place, std::string message);  // an info-level finding
    void warning(std::string place, std::string message);
    void error(std::string place, std::string message);

    void add(Notice notice) { notices_.push_back(std::move(notice)); }
    const std::vector<Notice>& notices() const noexcept { return notices_; }

    std::size_t count(NoticeKind kind) const noexcept;
    bool has_losses() const noexcept { return count(NoticeKind::lost) > 0; }
    bool has_errors() const noexcept;
    const Notice* first_error() const noexcept;

private:
    std::vector<Notice> notices_;
};

}  // namespace cxf
