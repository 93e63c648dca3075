// SPDX-License-Identifier: MIT
#include "fuzz/xml_against_expat.h"

#include <algorithm>

#include <expat.h>

#include "cxf/error.h"
#include "cxf/kdbx/xml_parser.h"

namespace cxf::fuzz {

namespace {

// Both parsers' events in one form. Character data comes in pieces that differ between them, so a
// text event is written only when the next element event comes.
class Events {
public:
    void start(std::string_view name, std::uint64_t line) {
        flush();
        out_ += "start " + std::string(name) + " line " + std::to_string(line) + "\n";
    }
    void attribute(std::string_view name, std::string_view value) {
        out_ += "  " + std::string(name) + "=[" + std::string(value) + "]\n";
    }
    void end() {
        flush();
        out_ += "end\n";
    }
    void text(std::string_view data) { text_ += data; }
    std::string take() {
        flush();
        return std::move(out_);
    }

private:
    void flush() {
        if (!text_.empty()) out_ += "text [" + text_ + "]\n";
        text_.clear();
    }
    std::string out_, text_;
};

class CxfEvents final : public kdbx::detail::XmlHandler {
public:
    Events events;
    const kdbx::detail::XmlParser* parser = nullptr;

    void start_element(std::string_view name, std::span<const kdbx::detail::XmlAttribute> attributes) override {
        events.start(name, parser->line());
        for (const auto& a : attributes) events.attribute(a.name, a.value);
    }
    void end_element() override { events.end(); }
    void text(std::string_view data) override { events.text(data); }
};

struct ExpatEvents {
    Events events;
    XML_Parser parser = nullptr;
    bool doctype = false;
};

}  // namespace

XmlVerdict parse_with_expat(ByteView xml) {
    ExpatEvents state;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    state.parser = parser;
    XML_SetUserData(parser, &state);
    XML_SetElementHandler(
        parser,
        [](void* user, const XML_Char* name, const XML_Char** attributes) {
            auto& s = *static_cast<ExpatEvents*>(user);
            s.events.start(name, XML_GetCurrentLineNumber(s.parser));
            for (const XML_Char** a = attributes; *a; a += 2) s.events.attribute(a[0], a[1]);
        },
        [](void* user, const XML_Char*) { static_cast<ExpatEvents*>(user)->events.end(); });
    XML_SetCharacterDataHandler(parser, [](void* user, const XML_Char* text, int length) {
        static_cast<ExpatEvents*>(user)->events.text(std::string_view(text, static_cast<std::size_t>(length)));
    });
    // cxf refuses every DOCTYPE; expat stops at one the same way.
    XML_SetStartDoctypeDeclHandler(parser, [](void* user, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto& s = *static_cast<ExpatEvents*>(user);
        s.doctype = true;
        XML_StopParser(s.parser, XML_FALSE);
    });
    XmlVerdict verdict;
    verdict.accepted = XML_Parse(parser, reinterpret_cast<const char*>(xml.data()), static_cast<int>(xml.size()), 1) ==
                       XML_STATUS_OK;
    if (!verdict.accepted)
        verdict.error = state.doctype ? "DOCTYPE" : XML_ErrorString(XML_GetErrorCode(parser));
    verdict.events = state.events.take();
    XML_ParserFree(parser);
    return verdict;
}

XmlVerdict parse_with_cxf(ByteView xml, std::size_t piece) {
    const std::string file = "fuzz-input";
    CxfEvents handler;
    kdbx::detail::XmlParser parser(file, 1 << 20, handler);
    handler.parser = &parser;
    XmlVerdict verdict;
    try {
        if (piece == 0) piece = std::max<std::size_t>(xml.size(), 1);
        for (std::size_t at = 0; at < xml.size(); at += piece) parser.feed(xml.subspan(at, std::min(piece, xml.size() - at)));
        parser.finish();
        verdict.accepted = true;
    } catch (const Error& e) {
        verdict.error = e.where().place + ": " + e.what();
        verdict.over_a_cap = e.code() == Errc::limit_exceeded;
    }
    verdict.events = handler.events.take();
    return verdict;
}

std::optional<std::string> compare_with_expat(ByteView xml) {
    const XmlVerdict whole = parse_with_cxf(xml, 0);
    for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, xml.size() / 2 + 1}) {
        const XmlVerdict pieces = parse_with_cxf(xml, piece);
        // A refused document's events stop at different points: what was handed over before the fault.
        if (pieces.accepted != whole.accepted || pieces.error != whole.error || (whole.accepted && pieces.events != whole.events))
            return "fed in pieces of " + std::to_string(piece) + " bytes: " +
                   (pieces.accepted ? "accepted" : pieces.error) + "; fed whole: " + (whole.accepted ? "accepted" : whole.error);
    }
    if (whole.over_a_cap) return std::nullopt;
    // expat also reads UTF-16, which it recognises from the first two bytes; KDBX XML is UTF-8 only.
    if (xml.size() >= 2 && (xml[0] == 0 || xml[1] == 0 || (xml[0] == 0xFF && xml[1] == 0xFE) || (xml[0] == 0xFE && xml[1] == 0xFF)))
        return std::nullopt;
    const XmlVerdict expat = parse_with_expat(xml);
    if (expat.accepted && !whole.accepted) return "expat accepts what cxf refuses: " + whole.error;
    if (expat.accepted && expat.events != whole.events)
        return "the events differ:\nexpat:\n" + expat.events + "cxf:\n" + whole.events;
    // cxf does not check the Unicode classes of name characters beyond ASCII.
    const bool beyond_ascii = std::any_of(xml.begin(), xml.end(), [](std::uint8_t b) { return b >= 0x80; });
    if (!expat.accepted && whole.accepted && !beyond_ascii) return "cxf accepts what expat refuses: " + expat.error;
    return std::nullopt;
}

}  // namespace cxf::fuzz
