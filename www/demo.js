// The demo page's legend shows the counts once zhupi has annotated the article.
document.addEventListener('zhupi:ready', (e) => {
  const { figure, initiative, document: documents } = e.detail.counts;
  document.getElementById('counts').textContent = `${figure} figures · ${initiative} initiatives · ${documents} documents`;
});
