// The few globals that both Node 20 and every browser provide, declared here because shared/ is
// compiled with neither DOM nor Node types (that is the wall).
declare function btoa(data: string): string;
declare function atob(data: string): string;
