/* editor.h: the reader's editor, run on the open page's file (the
 * navigator's e), as less's v and tig's e run it.
 *
 * The editor is $VISUAL, else $EDITOR, else vi: a command line as those
 * variables hold one ("vim", "code -w", "emacs -nw"), run as
 * "EDITOR +LINE FILE". It goes through /bin/sh, so it is split as a shell
 * splits it, while the line and the file name reach the editor as
 * arguments of their own ("$@"), never read by the shell: a file name
 * holding quotes, spaces or `;` cannot run anything. */
#ifndef GUIDENAV_EDITOR_H
#define GUIDENAV_EDITOR_H

#include "guidenav/error.h"

/* The editor's command line: visual (the value of VISUAL) when set and
 * not empty, else editor (EDITOR's), else "vi". Points to one of them or
 * to a literal. */
const char *gn_editor_command(const char *visual, const char *editor);

/* The argument vector that runs command on file at line (at least 1):
 * {"/bin/sh", "-c", "COMMAND \"$@\"", "sh", "+LINE", FILE, NULL}. Newly
 * allocated; free it with gn_editor_argv_free. */
char **gn_editor_argv(const char *command, const char *file, int line);
void gn_editor_argv_free(char **argv);

/* Run argv (argv[0] a path) and wait until it ends, as system(3) runs a
 * command: meanwhile SIGINT and SIGQUIT are ignored here and SIGTSTP takes
 * its default action (Ctrl-Z stops the editor and this process together,
 * and fg continues both), each restored after. The program starts with
 * those signals at their defaults and none blocked, and with descriptor
 * keys (the terminal) as its standard input when keys is not 0. 0 when it
 * exited with status 0; else -1 with err saying how it ended, naming it
 * as name: "vi exited with status 1", "vi was not found", "vi was killed
 * by signal 9", "vi could not be started: ...". */
int gn_editor_run(char *const *argv, const char *name, int keys, gn_error *err);

#endif
