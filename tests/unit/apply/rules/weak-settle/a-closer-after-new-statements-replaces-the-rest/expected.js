'use strict';

function AxiosError(message, code, config, request, response) {
  Error.call(this);
  this.message = message;
  config && (this.config = config);
  request && (this.request = request);
  if (response) {
    this.response = response;
    this.status = response.status ? response.status : null;
  }
}

module.exports = AxiosError;
