/**
 * Evaluates the subset of VS Code's `when` clause language that package.json uses: context keys,
 * `!`, `&&`, `||`, parentheses, `==` / `!=` against a bare word or quoted string, and `=~ /regex/flags`.
 * Anything else throws, so a clause outside the subset cannot pass a test by accident.
 */
type Token = { kind: 'op' | 'word' | 'string' | 'regex'; text: string };

function tokenize(clause: string): Token[] {
    const tokens: Token[] = [];
    const pattern = /\s*(?:(&&|\|\||==|!=|=~|!|\(|\))|'([^']*)'|\/((?:\\.|[^/])+)\/([a-z]*)|([A-Za-z0-9_.\-:]+))/y;
    let rest = clause.trim();
    while (rest.length > 0) {
        pattern.lastIndex = 0;
        const m = pattern.exec(rest);
        if (m === null) {
            throw new Error(`cannot read when clause at: ${rest}`);
        }
        if (m[1] !== undefined) tokens.push({ kind: 'op', text: m[1] });
        else if (m[2] !== undefined) tokens.push({ kind: 'string', text: m[2] });
        else if (m[3] !== undefined) tokens.push({ kind: 'regex', text: `${m[3]}\u0000${m[4]}` });
        else tokens.push({ kind: 'word', text: m[5] });
        rest = rest.slice(m[0].length).trimStart();
    }
    return tokens;
}

export function evaluateWhen(clause: string, context: Record<string, unknown>): boolean {
    const tokens = tokenize(clause);
    let i = 0;
    const peek = (): Token | undefined => tokens[i];
    const take = (): Token => {
        const t = tokens[i++];
        if (t === undefined) throw new Error(`when clause ends too early: ${clause}`);
        return t;
    };
    const or = (): boolean => {
        let value = and();
        while (peek()?.text === '||') {
            take();
            value = and() || value;
        }
        return value;
    };
    const and = (): boolean => {
        let value = unary();
        while (peek()?.text === '&&') {
            take();
            value = unary() && value;
        }
        return value;
    };
    const unary = (): boolean => {
        if (peek()?.text === '!') {
            take();
            return !unary();
        }
        if (peek()?.text === '(') {
            take();
            const value = or();
            if (take().text !== ')') throw new Error(`missing ) in ${clause}`);
            return value;
        }
        const key = take();
        if (key.kind !== 'word') throw new Error(`expected a context key in ${clause}`);
        const actual = context[key.text];
        const op = peek()?.text;
        if (op === '==' || op === '!=') {
            take();
            const expected = take().text;
            return (String(actual) === expected) === (op === '==');
        }
        if (op === '=~') {
            take();
            const [source, flags] = take().text.split('\u0000');
            return typeof actual === 'string' && new RegExp(source, flags).test(actual);
        }
        return Boolean(actual);
    };
    const result = or();
    if (i !== tokens.length) throw new Error(`unexpected ${tokens[i].text} in ${clause}`);
    return result;
}
