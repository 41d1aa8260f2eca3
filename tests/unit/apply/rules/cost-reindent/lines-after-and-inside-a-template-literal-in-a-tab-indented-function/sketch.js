// ... existing code ...
    <tr>
      <td>${item.name}</td>
      <td>${item.price}</td>
    </tr>`;
    html = html.trim();
    return html;
// ... existing code ...
