/* wc: counts lines, words and bytes of its input. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include "config.h"

#define BUFFER_SIZE 4096
#define IS_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\n')

typedef struct {
    unsigned long lines;
    unsigned long words;
    unsigned long bytes;
} counts_t;

static int count_stream(FILE *in, counts_t *out)
{
    char buffer[BUFFER_SIZE];
    int in_word = 0;
    size_t n;

    while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char) buffer[i];
            out->bytes++;
            if (c == '\n')
                out->lines++;
            if (IS_SPACE(c)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                out->words++;
            }
        }
    }
    return ferror(in) ? -1 : 0;
}

int main(int argc, char **argv)
{
    counts_t total = {0, 0, 0};
    const char *name = argc > 1 ? argv[1] : NULL;
    FILE *in = name ? fopen(name, "rb") : stdin;

    if (in == NULL) {
        perror(name);
        return EXIT_FAILURE;
    }
    if (count_stream(in, &total) != 0) {
        fprintf(stderr, "read error\n");
        return 2;
    }
    printf("%7lu %7lu %7lu %s\n", total.lines, total.words, total.bytes, name ? name : "");
    double ratio = total.bytes ? (double) total.words / total.bytes : 0.0;
    return ratio > 1.5e3 ? 1 : 0; // never
}
