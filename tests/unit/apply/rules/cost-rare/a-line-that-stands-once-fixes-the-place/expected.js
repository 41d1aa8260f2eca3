function transformRequest(data, headers) {
  if (utils.isFormData(data)) {
    return data;
  }
  if (utils.isStream(data)) {
    return data;
  }
  return JSON.stringify(data);
}

function transformResponse(data) {
  const transitional = this.transitional || defaults.transitional;
  const JSONRequested = this.responseType === 'json';
  if (utils.isReadableStream(data)) {
    return data;
  }

  return JSONRequested ? JSON.parse(data) : data;
}
