# nonlocal at module level is a SyntaxError.
nonlocal x
