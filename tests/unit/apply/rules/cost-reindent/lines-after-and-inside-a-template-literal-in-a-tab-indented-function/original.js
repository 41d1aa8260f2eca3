(function () {
  "use strict";

  function get(url) {
    return fetch(url).then(function (r) {
      return r.json();
    });
  }

	function row(item) {
		var html = `
    <tr>
      <td>${item.name}</td>
    </tr>`;
		return html;
	}

	function table(items) {
		var rows = items.map(row);
		return "<table>" + rows.join("") + "</table>";
	}

	function count(items) {
		return items.length;
	}
})();
