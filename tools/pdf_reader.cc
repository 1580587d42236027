// jixiao-pdf-reader: the process jixiao reads each PDF in (see extract/reader.h). Installed next
// to jixiao, which starts it; not to be run by hand.
#include "extract/reader.h"

int main(int argc, char** argv) { return jixiao::RunPdfReader(argc, argv); }
