// SPDX-License-Identifier: MIT
#include "cxf/report.h"

#include <algorithm>

namespace cxf {

std::string_view notice_kind_name(NoticeKind kind) noexcept {
    switch (kind) {
        case NoticeKind::lost: return "lost";
        case NoticeKind::changed: return "changed";
        case NoticeKind::skipped: return "skipped";
        case NoticeKind::finding: return "finding";
    }
    return "unknown";
}

std::string_view severity_name(Severity severity) noexcept {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "unknown";
}

void Report::lost(Feature feature, std::string place, std::string item, std::string field, std::string reason) {
    notices_.push_back({NoticeKind::lost, Severity::warning, std::move(place), std::move(item), std::move(field),
                        std::move(reason), feature, false});
}

void Report::lost_detail(Feature feature, std::string place, std::string item, std::string field, std::string reason) {
    notices_.push_back({NoticeKind::lost, Severity::warning, std::move(place), std::move(item), std::move(field),
                        std::move(reason), feature, true});
}

void Report::changed(std::string place, std::string message, std::string field) {
    notices_.push_back({NoticeKind::changed, Severity::info, std::move(place), {}, std::move(field),
                        std::move(message), {}, false});
}

void Report::skipped(std::string place, std::string item, std::string reason) {
    notices_.push_back({NoticeKind::skipped, Severity::warning, std::move(place), std::move(item), {},
                        std::move(reason), {}, false});
}

void Report::note(std::string place, std::string message) {
    notices_.push_back({NoticeKind::finding, Severity::info, std::move(place), {}, {}, std::move(message), {}, false});
}

void Report::warning(std::string place, std::string message) {
    notices_.push_back({NoticeKind::finding, Severity::warning, std::move(place), {}, {}, std::move(message), {}, false});
}

void Report::error(std::string place, std::string message) {
    notices_.push_back({NoticeKind::finding, Severity::error, std::move(place), {}, {}, std::move(message), {}, false});
}

std::size_t Report::count(NoticeKind kind) const noexcept {
    return static_cast<std::size_t>(
        std::count_if(notices_.begin(), notices_.end(), [kind](const Notice& n) { return n.kind == kind; }));
}

bool Report::has_errors() const noexcept { return first_error() != nullptr; }

const Notice* Report::first_error() const noexcept {
    auto it = std::find_if(notices_.begin(), notices_.end(), [](const Notice& n) { return n.severity == Severity::error; });
    return it == notices_.end() ? nullptr : &*it;
}

}  // namespace cxf
