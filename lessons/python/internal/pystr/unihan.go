package pystr

import "strings"

// unihanNumeric lists the ideographs with a numeric value in Unicode 14.0's
// Unihan data (一, 二, 万, ...): str.isnumeric() accepts them although their
// category is Lo. Generated from CPython 3.11's str.isnumeric();
// TestPredicatesAllRunes checks it.
const unihanNumeric = "\u3405\u3483\u382a\u3b4d\u4e00\u4e03\u4e07\u4e09\u4e5d\u4e8c\u4e94\u4e96\u4ebf\u4ec0\u4edf\u4ee8\u4f0d\u4f70\u5104\u5146\u5169\u516b\u516d\u5341\u5343\u5344\u5345\u534c\u53c1\u53c2\u53c3\u53c4\u56db\u58f1\u58f9\u5e7a\u5efe\u5eff\u5f0c\u5f0d\u5f0e\u5f10\u62fe\u634c\u67d2\u6f06\u7396\u767e\u8086\u842c\u8cae\u8cb3\u8d30\u9621\u9646\u964c\u9678\u96f6\uf96b\uf973\uf978\uf9b2\uf9d1\uf9d3\uf9fd\U00020001\U00020064\U000200e2\U00020121\U0002092a\U00020983\U0002098c\U0002099c\U00020aea\U00020afd\U00020b19\U00022390\U00022998\U00023b1b\U0002626d\U0002f890"

func isUnihanNumeric(r rune) bool { return r >= 0x3400 && strings.ContainsRune(unihanNumeric, r) }
