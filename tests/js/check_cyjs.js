// Loads a Cytoscape.js elements JSON file in cytoscape.js (headless) and prints
// "<nodes> <edges> <dangling>" — dangling counts edges whose source or target is missing.
const fs = require('fs');
const cytoscape = require('cytoscape');
const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ids = new Set(doc.elements.nodes.map(n => n.data.id));
const dangling = doc.elements.edges.filter(e => !ids.has(e.data.source) || !ids.has(e.data.target)).length;
const cy = cytoscape({ headless: true, elements: doc.elements });
const broken = cy.edges().filter(e => e.source().empty() || e.target().empty()).length;
console.log(cy.nodes().length, cy.edges().length, dangling + broken);
