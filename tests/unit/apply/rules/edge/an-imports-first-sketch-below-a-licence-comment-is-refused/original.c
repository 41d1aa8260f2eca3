/* queue.c - a fixed-size queue of bytes.
 * Copyright the queue authors; MIT licence. */
#include <stdlib.h>
#include "queue.h"

struct queue {
	unsigned char *buf;
	size_t head, tail, cap;
};

size_t queue_len(const struct queue *q)
{
	return (q->tail + q->cap - q->head) % q->cap;
}
