// The PDF reader process: the child side of ReadPages with ExtractOptions::reader set. The
// jixiao-pdf-reader executable is main() { return RunPdfReader(argc, argv); }.
#ifndef JIXIAO_EXTRACT_READER_H_
#define JIXIAO_EXTRACT_READER_H_

namespace jixiao {

// Reads one PDF from standard input with poppler-cpp and writes its pages (or the Status saying
// why not) to standard output in the format of extract/wire.h, with progress frames as it goes,
// then returns 0. Started by ReadPages only, as
//   READER --child VERSION PARENT_PID MAX_PAGES THREADS PATH
// (PATH is used in messages only: the file is standard input). Anything else on the command line:
// one line on stderr and 2. The reader dies with its parent (PR_SET_PDEATHSIG) and has no bounds
// of its own: the parent keeps time and watches its memory.
int RunPdfReader(int argc, char** argv);

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_READER_H_
