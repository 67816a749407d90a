// Bridges Debian's libcmark-dev (CommonMark reference implementation) into Swift.
#include <cmark.h>
