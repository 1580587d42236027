-- jixiao batch store, schema version 7: where, in its quote, a finding's figure and the figures
-- its arithmetic uses are written, so that `report` marks the same figure and links the same
-- operands as `jixiao audit` (CheckResult::figure and CheckResult::operands, audit/finding.h).
--
-- figure_begin, figure_end: byte offsets into `quote` of the figure the finding is about (the
-- stated value; for score.restated the restated one); NULL when the figure is not in the quote.
-- operands: a JSON array, one object per figure the arithmetic uses, left to right as the
-- arithmetic renders them: {"text": "25100.43", "page": 3, "line": 12, "bbox": [x0, y0, x1, y1]
-- (PDF points; absent for text input), "in_quote": [begin, end] (byte offsets into `quote`;
-- absent when the figure is not quoted)}; NULL for findings without operands.
--
-- Rows of a version-6 database have all three NULL: `report` then finds the figure by its value in
-- the quote and draws no operand links, as before (their documents are re-audited by a newer
-- jixiao anyway, which fills them in). The fingerprint of a parse.unread finding is taken from the
-- text of its figure span (the line that was not read), falling back to its quote when the span is
-- NULL: the same id the quote gave before this version (report/fingerprint.cc).
ALTER TABLE findings ADD COLUMN figure_begin INTEGER;
ALTER TABLE findings ADD COLUMN figure_end INTEGER;
ALTER TABLE findings ADD COLUMN operands TEXT;
