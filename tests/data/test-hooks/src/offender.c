/* A fixture for tests/check-test-hooks.sh --self-test: reads a hook itself. */
#include <glib.h>

static const char *
planted (void)
{
  if (g_getenv ("PHONESET_PROFILES_DIR") != NULL)
    return NULL;
  return g_getenv ("PHONESET_PLANTED");
}
