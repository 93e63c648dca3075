// SPDX-License-Identifier: MIT
// Reads any export libcxf knows (the format detected from its content) with the C++ API and lists its
// items with their credential types; the password, when one is needed, from CXF_PASSWORD.
//   usage: list_items INPUT
#include <cstdlib>
#include <iostream>

#include <cxf/api/library.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: list_items INPUT\n";
        return 2;
    }
    cxf::ReadOptions options;
    if (const char* password = std::getenv("CXF_PASSWORD"))
        options.password = [password] { return cxf::crypto::Secret(password); };
    try {
        const cxf::Loaded loaded = cxf::load_file(argv[1], options);
        std::cout << loaded.format->id << '\n';
        for (const cxf::Account& account : loaded.vault.accounts)
            for (const cxf::Item& item : account.items) {
                std::cout << "  " << item.title << ':';
                for (const cxf::Credential& credential : item.credentials) std::cout << ' ' << cxf::credential_type(credential);
                std::cout << '\n';
            }
    } catch (const cxf::Error& e) {
        std::cerr << "list_items: " << e.describe() << '\n';
        return 1;
    }
}
