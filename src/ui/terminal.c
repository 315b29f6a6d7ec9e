/* terminal.c: checking TERM before curses starts (see terminal.h). Kept
 * apart because <term.h> defines a macro for every capability name. */
#include <curses.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>
#include "ui/terminal.h"

int gn_terminal_usable(gn_error *err)
{
    const char *term = getenv("TERM");
    int status = 0;
    if (!term || !*term || setupterm(NULL, STDOUT_FILENO, &status) != OK)
        return gn_fail(err, "TERM=%s is not a terminal type this system knows; set TERM "
                            "(for example xterm-256color), or use --dump PAGE",
                       term ? term : "");
    const char *cup = tigetstr("cup");
    bool can_move = cup && cup != (char *)-1;
    del_curterm(cur_term);
    if (!can_move)
        return gn_fail(err, "TERM=%s cannot move the cursor, which the navigator needs; "
                            "use --dump PAGE instead", term);
    return 0;
}
