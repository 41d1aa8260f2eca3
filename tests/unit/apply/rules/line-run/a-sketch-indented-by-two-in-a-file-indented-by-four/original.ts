function f(xs: number[]) {
    for (const x of xs) {
        use(x);
    }
}

function g() {}
