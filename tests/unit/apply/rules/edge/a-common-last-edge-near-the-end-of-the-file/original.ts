class Node {}

class A extends Node {
  constructor(
    readonly a: string
  ) {
    super()
  }
}

class B extends Node {
  constructor(
    readonly b: string
  ) {
    super()
  }
}

class C extends Node {
  constructor(
    readonly c: string
  ) {
    super()
  }
}

class D extends Node {
  constructor(
    readonly d: string
  ) {
    super()
  }
}

class E extends Node {
  constructor(
    readonly e: string
  ) {
    super()
  }
}

class F extends Node {
  constructor(
    readonly f: string
  ) {
    super()
  }
}

class G extends Node {
  constructor(
    readonly g: string
  ) {
    super()
  }
}

class H extends Node {
  constructor(
    readonly h: string
  ) {
    super()
  }
}

class I extends Node {
  constructor(
    readonly i: string
  ) {
    super()
  }
}

class Func extends Node {
  static readonly kind = "func"
  constructor(public name: string, public args: string) {
    super()
  }

  render(): string {
    return this.name
  }
}
