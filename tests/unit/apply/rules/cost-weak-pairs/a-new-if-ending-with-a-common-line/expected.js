function transformRequest(data, headers) {
  if (utils.isFormData(data)) {
    return data;
  }
  if (utils.isArrayBuffer(data)) {
    return data.buffer;
  }
  return JSON.stringify(data);
}

function transformResponse(data) {
  const transitional = this.transitional || defaults.transitional;
  const JSONRequested = this.responseType === 'json';

  if (utils.isResponse(data) || utils.isReadableStream(data)) {
    return data;
  }

  if (data && utils.isString(data) && JSONRequested) {
    try {
      return JSON.parse(data);
    } catch (e) {
      if (e.name === 'SyntaxError') {
        throw AxiosError.from(e, AxiosError.ERR_BAD_RESPONSE, this);
      }
      throw e;
    }
  }

  return data;
}
