// ... existing code ...
const { Option } = require('./lib/option.js');

exports.program = new Command();
exports.createCommand = (name) => new Command(name);

/**
// ... existing code ...
