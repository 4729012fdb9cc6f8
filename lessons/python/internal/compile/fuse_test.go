package compile

import (
	"fmt"
	"testing"
)

// TestFuse checks which pairs become superinstructions: the first of the
// pair changes, the second stays for a jump to it or for running apart.
func TestFuse(t *testing.T) {
	tests := []struct {
		in, want []Op
	}{
		{[]Op{LOAD_CONST, RETURN_VALUE}, []Op{RETURN_CONST, RETURN_VALUE}},
		{[]Op{LOAD_FAST, RETURN_VALUE}, []Op{RETURN_FAST, RETURN_VALUE}},
		{[]Op{LOAD_FAST, LOAD_METHOD, CALL_METHOD}, []Op{LOAD_FAST_METHOD, LOAD_METHOD, CALL_METHOD}},
		{[]Op{LOAD_FAST, LOAD_FAST, RETURN_VALUE}, []Op{LOAD_FAST, RETURN_FAST, RETURN_VALUE}},
		{[]Op{LOAD_FAST, LOAD_FAST, BINARY}, []Op{LOAD_FAST_FAST, LOAD_FAST_BINARY, BINARY}},
		{[]Op{LOAD_FAST_ATTR, LOAD_ATTR, LOAD_FAST, BINARY}, []Op{LOAD_FAST_ATTR, LOAD_ATTR, LOAD_FAST_BINARY, BINARY}},
		{[]Op{LOAD_FAST, LOAD_FAST, LOAD_FAST}, []Op{LOAD_FAST, LOAD_FAST_FAST, LOAD_FAST}},
		{[]Op{LOAD_FAST, LOAD_FAST, LOAD_FAST, LOAD_FAST}, []Op{LOAD_FAST_FAST, LOAD_FAST, LOAD_FAST_FAST, LOAD_FAST}},
		{[]Op{LOAD_FAST, LOAD_FAST, LOAD_CONST, BINARY}, []Op{LOAD_FAST, LOAD_FAST_CONST, LOAD_CONST, BINARY}},
		{[]Op{LOAD_FAST, LOAD_FAST, LOAD_ATTR}, []Op{LOAD_FAST, LOAD_FAST_ATTR, LOAD_ATTR}},
		{[]Op{LOAD_FAST, YIELD_VALUE, POP_TOP}, []Op{YIELD_FAST, YIELD_VALUE, POP_TOP}},
		{[]Op{LOAD_GLOBAL, RETURN_VALUE}, []Op{LOAD_GLOBAL, RETURN_VALUE}},
		{[]Op{LOAD_GLOBAL, LOAD_FAST, BINARY, STORE_GLOBAL}, []Op{LOAD_GLOBAL_ARITH, LOAD_FAST_BINARY, BINARY, STORE_GLOBAL}},
		{[]Op{LOAD_GLOBAL, LOAD_FAST, INPLACE, STORE_GLOBAL}, []Op{LOAD_GLOBAL_ARITH, LOAD_FAST, INPLACE, STORE_GLOBAL}},
		{[]Op{LOAD_GLOBAL, LOAD_FAST, CALL}, []Op{LOAD_GLOBAL, LOAD_FAST, CALL}},
		{[]Op{LOAD_GLOBAL, LOAD_FAST, LOAD_FAST, BINARY}, []Op{LOAD_GLOBAL, LOAD_FAST_FAST, LOAD_FAST_BINARY, BINARY}},
		{[]Op{FOR_ITER, STORE_LOOP_VAR}, []Op{FOR_ITER_STORE, STORE_LOOP_VAR}},
		{[]Op{LOAD_FAST, LOAD_ATTR}, []Op{LOAD_FAST_ATTR, LOAD_ATTR}},
		{[]Op{LOAD_FAST, STORE_ATTR}, []Op{LOAD_FAST_STORE_ATTR, STORE_ATTR}},
		{[]Op{FOR_ITER, STORE_FAST, LOAD_FAST, LOAD_ATTR}, []Op{FOR_ITER_STORE, STORE_FAST, LOAD_FAST_ATTR, LOAD_ATTR}},
		{[]Op{FOR_ITER, UNPACK_SEQUENCE}, []Op{FOR_ITER, UNPACK_SEQUENCE}},
		{[]Op{LOAD_FAST, DELETE_ATTR}, []Op{LOAD_FAST, DELETE_ATTR}},
		{[]Op{LOAD_FAST, DUP_TOP, LOAD_ATTR, LOAD_CONST, INPLACE, ROT_TWO, STORE_ATTR},
			[]Op{LOAD_FAST, DUP_TOP_ATTR, LOAD_ATTR, LOAD_CONST, INPLACE_STORE_ATTR, ROT_TWO, STORE_ATTR}},
		{[]Op{INPLACE, ROT_TWO}, []Op{INPLACE, ROT_TWO}},
		{[]Op{INPLACE, ROT_THREE, STORE_SUBSCR}, []Op{INPLACE, ROT_THREE, STORE_SUBSCR}},
		{[]Op{LOAD_CONST}, []Op{LOAD_CONST}},
	}
	for _, tt := range tests {
		instrs := make([]Instr, len(tt.in))
		for i, op := range tt.in {
			instrs[i] = Instr{Op: op, Arg: int32(i)}
		}
		fuse(instrs)
		got := make([]Op, len(instrs))
		for i, in := range instrs {
			got[i] = in.Op
			if in.Arg != int32(i) {
				t.Errorf("fuse(%v) changed the argument of instruction %d", tt.in, i)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("fuse(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
