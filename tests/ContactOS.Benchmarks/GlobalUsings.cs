global using ContactOS.Runtime;
