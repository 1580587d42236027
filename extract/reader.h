// The PDF reader process: the child side of ReadPages with ExtractOptions::reader set. The
// jixiao-pdf-reader executable is main() { return RunPdfReader(argc, argv); }.
#ifndef JIXIAO_EXTRACT_READER_H_
#define JIXIAO_EXTRACT_READER_H_

namespace jixiao {

// Started by ReadPages only, as `READER --child VERSION PARENT_PID`, with a socket as standard
// input and a pipe as standard output (extract/wire.h). Says hello, then for each request on
// standard input reads the PDF that came with it with poppler-cpp and writes its pages (or the
// Status saying why not) to standard output, with progress frames as it goes. After a document it
// read cleanly it may stay for the next one (at most 100, and only if its memory went back down);
// otherwise, or when standard input is closed, it returns 0. Anything else on the command line or
// a malformed request: one line on stderr and 2. It dies with the thread that started it
// (PR_SET_PDEATHSIG) and has no bounds of its own: the parent keeps time and watches its memory.
int RunPdfReader(int argc, char** argv);

}  // namespace jixiao

#endif  // JIXIAO_EXTRACT_READER_H_
