// SPDX-License-Identifier: MIT
// A streaming parser for the XML inside KDBX files: XML 1.0 in UTF-8 with no DTD (a DOCTYPE is
// refused, so no entity but the five predefined ones exists). It checks well-formedness as expat
// does, takes the document in pieces of any size and reports elements and character data to a
// handler, with the line of each. It exists because expat was a third of the time of reading a
// KDBX file; tests and a fuzz target compare the two on the same documents.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "cxf/secret.h"

namespace cxf::kdbx::detail {

struct XmlAttribute {
    std::string_view name, value;
};

// Views are valid only during the call. Character data arrives in pieces: a handler appends them.
// An exception thrown by the handler leaves the parser through feed() or finish().
class XmlHandler {
public:
    virtual void start_element(std::string_view name, std::span<const XmlAttribute> attributes) = 0;
    virtual void end_element() = 0;
    virtual void text(std::string_view data) = 0;

protected:
    ~XmlHandler() = default;
};

// The place of an error in KDBX XML: "XML line N (what)", or "XML line N" when `what` is empty.
std::string xml_place(std::uint64_t line, std::string_view what);

class XmlParser {
public:
    // Errors are Errc::malformed, placed in `file` at "XML line N"; a comment or CDATA section
    // longer than `max_text_bytes` is Errc::limit_exceeded.
    XmlParser(const std::string& file, std::uint64_t max_text_bytes, XmlHandler& handler);
    ~XmlParser();
    XmlParser(const XmlParser&) = delete;
    XmlParser& operator=(const XmlParser&) = delete;

    void feed(ByteView bytes);
    // The document has ended: Errc::malformed unless it is complete.
    void finish();
    // The line of what is being reported: the start tag during start_element().
    std::uint64_t line() const { return *line_; }

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
    const std::uint64_t* line_;  // impl_'s count, read without a call: handlers ask for it on every element
};

}  // namespace cxf::kdbx::detail
