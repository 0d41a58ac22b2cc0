/*
 * core_text.c — the translator hooks of core_text.h: NULL (English as written) until the server module sets them.
 */
#include "core_text.h"

#include <stddef.h>

core_text_fn core_text_hook = NULL;
core_ntext_fn core_ntext_hook = NULL;
