#include <stdio.h>
#include "buffer.h"

static int grow(struct buffer *b, size_t need) {
    size_t size = b->cap ? b->cap : 16;
    while (size < need) {
        size *= 2;
    }
    char *data = realloc(b->data, size);
    if (data == NULL) {
        return -1;
    }
    b->data = data;
    b->cap = size;
    return 0;
}

int buffer_push(struct buffer *b, char c) {
    if (b->len + 1 > b->cap && grow(b, b->len + 1) != 0) {
        return -1;
    }
    b->data[b->len++] = c;
    return 0;
}

void buffer_free(struct buffer *b) {
    free(b->data);
    b->data = NULL;
}
