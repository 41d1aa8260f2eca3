'use strict';

function AxiosError(message, code, config, request, response) {
  Error.call(this);
  this.message = message;
  config && (this.config = config);
  request && (this.request = request);
  response && (this.response = response);
}

module.exports = AxiosError;
