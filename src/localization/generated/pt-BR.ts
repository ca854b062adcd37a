
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's4b431cc077d4677a': `Sem conexão. As mensagens que você enviar ficam guardadas e podem ser reenviadas.`,
's69d3b7764a33261d': `Reconectando… Novas mensagens aparecerão quando a conexão voltar.`,
    };
  