class Queue {
    constructor() {
        this.items = [];
    }

    clear() {
        const n = this.items.length;
        this.items.length = 0;
        return n;
    }
}

module.exports = Queue;
