class Queue {
    constructor() {
        this.items = [];
    }

    clear() {
        this.items = [];
    }
}

module.exports = Queue;
