// Route of the import wizard (a static segment: it wins over /customers/:id).
export const IMPORT_PATH = "/customers/import";
/** The CSV with the header row the mapping reads back exactly (customer and custom fields). */
export const TEMPLATE_URL = "/import/template.csv";
