/* SPDX-License-Identifier: MIT
 * Converts a password-manager export with libcxf's C API, as `cxf convert INPUT OUTPUT --to FORMAT`
 * does, then lists the items it read. The input's password, when it needs one, comes from the
 * environment variable CXF_PASSWORD.
 *   usage: convert INPUT OUTPUT FORMAT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxf/cxf.h>

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s INPUT OUTPUT FORMAT\n", argv[0]);
        return CXF_USAGE;
    }
    cxf_options* options = cxf_options_new();
    const char* password = getenv("CXF_PASSWORD");
    if (password) cxf_options_set_password(options, password, strlen(password));

    cxf_error* error = NULL;
    cxf_vault* vault = NULL;
    int status = cxf_options_set_to(options, argv[3], &error);
    if (status == CXF_OK) status = cxf_read_file(argv[1], options, &vault, &error);
    if (status == CXF_OK) {
        size_t losses = 0;
        status = cxf_write_file(vault, argv[2], options, &losses, &error);
        if (status == CXF_OK) {
            printf("%s -> %s: %zu items, %zu not carried\n", cxf_vault_format(vault), argv[3], cxf_vault_item_count(vault),
                   losses);
            for (size_t i = 0; i < cxf_vault_item_count(vault); ++i) {
                printf("  %s:", cxf_item_title(vault, i));
                for (size_t c = 0; c < cxf_item_credential_count(vault, i); ++c) printf(" %s", cxf_item_credential_type(vault, i, c));
                printf("\n");
            }
        }
    }
    if (error) fprintf(stderr, "convert: %s\n", cxf_error_message(error));
    cxf_error_free(error);
    cxf_vault_free(vault);
    cxf_options_free(options);
    return status;
}
