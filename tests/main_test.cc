#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "extract/extract.h"

// The tests read PDFs in this process too (ExtractOptions::reader empty).
static const bool in_process_pdf = (jixiao::InstallInProcessPdf(), true);
