// Placeholder until the staff SPA lands: shows how many customers the API holds.
const app = document.getElementById("app")!;
fetch("/graphql", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query: "{ customers(first: 0) { totalCount } }" }),
})
  .then((r) => r.json())
  .then((r) => {
    app.innerHTML = `<h1>Clientele</h1><p>${r.data.customers.totalCount} customers.
      Explore the API in <a href="/graphql">GraphiQL</a>.</p>`;
  });
