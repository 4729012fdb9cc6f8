package compile

// stackEffect is how an instruction changes the stack depth on the path
// that falls through (FOR_ITER: while the loop continues).
func stackEffect(op Op, arg int) int {
	switch op {
	case NOP, ROT_TWO, ROT_THREE, ROT_FOUR, UNARY_NEGATIVE, UNARY_POSITIVE,
		UNARY_INVERT, UNARY_NOT, LOAD_ATTR, GET_ITER, JUMP, SETUP_FINALLY,
		POP_BLOCK, POP_EXCEPT, LIST_TO_TUPLE, DELETE_FAST, DELETE_DEREF,
		DELETE_GLOBAL, DELETE_NAME, GET_YIELD_FROM_ITER, SETUP_ANNOTATIONS,
		YIELD_VALUE, IMPORT_NAME:
		return 0
	case POP_TOP, STORE_FAST, STORE_LOOP_VAR, STORE_DEREF, STORE_GLOBAL, STORE_NAME,
		DELETE_ATTR, BINARY_SUBSCR, BINARY, INPLACE, INPLACE_STORE_ATTR, COMPARE,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE,
		POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, RETURN_VALUE, RERAISE,
		JUMP_IF_NOT_EXC_MATCH, WITH_EXIT, IMPORT_STAR, STORE_ANNOTATION, YIELD_FROM:
		return -1
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		return -1
	case DUP_TOP, LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_GLOBAL,
		LOAD_NAME, LOAD_METHOD, SETUP_WITH, IMPORT_FROM,
		RETURN_CONST, RETURN_FAST, LOAD_FAST_METHOD, YIELD_FAST, LOAD_FAST_ATTR,
		LOAD_FAST_STORE_ATTR, DUP_TOP_ATTR, LOAD_FAST_FAST, LOAD_FAST_CONST,
		LOAD_FAST_BINARY, LOAD_GLOBAL_ARITH: // as their first instruction
		return 1
	case DUP_TOP_TWO:
		return 2
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD:
		return -2
	case STORE_SUBSCR:
		return -3
	case WITH_EXCEPT:
		return -2
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - arg
	case BUILD_MAP:
		return 1 - 2*arg
	case BUILD_SLICE:
		return 1 - arg
	case FORMAT_VALUE:
		if arg&256 != 0 {
			return -1
		}
		return 0
	case UNPACK_SEQUENCE:
		return arg - 1
	case UNPACK_EX:
		return (arg & 255) + (arg >> 8)
	case FOR_ITER, FOR_ITER_STORE:
		return 0 // the compiler adds the next value itself
	case CALL:
		return -arg
	case CALL_METHOD:
		return -arg - 1
	case CALL_KW:
		return -arg - 1
	case CALL_EX:
		return -1 - arg
	case MAKE_FUNCTION:
		n := 0
		for _, bit := range []int{1, 2, 4, 8} {
			if arg&bit != 0 {
				n++
			}
		}
		return -n
	case MAKE_CLASS:
		return -arg - 1
	case RAISE:
		return -arg
	case RAISE_ASSERT:
		return -arg
	}
	return 0
}
